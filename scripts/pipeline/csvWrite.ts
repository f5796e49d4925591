import { closeSync, openSync, writeSync } from "node:fs";
import { csvFormatRows } from "d3-dsv";

/** Writes CSV rows to a file in batches, so outputs larger than one string can be written. */
export class CsvWriter {
  private readonly fd: number;
  private batch: string[][] = [];
  bytes = 0;
  constructor(path: string, header: readonly string[]) {
    this.fd = openSync(path, "w");
    this.batch.push([...header]);
  }
  row(cells: string[]): void {
    this.batch.push(cells);
    if (this.batch.length >= 5000) this.flush();
  }
  private flush(): void {
    if (this.batch.length === 0) return;
    const text = `${csvFormatRows(this.batch)}\n`;
    this.bytes += writeSync(this.fd, text);
    this.batch = [];
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
