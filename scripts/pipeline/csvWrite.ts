import { createHash, type Hash } from "node:crypto";
import { closeSync, openSync, writeSync } from "node:fs";
import { csvFormatRows } from "d3-dsv";
import { neutraliseFormula } from "../../src/lib/csv.ts";

export { neutraliseFormula };

/** Size and SHA-256 of a written file, computed while writing (no second read). */
export interface WrittenFile {
  bytes: number;
  sha256: string;
}

/** Writes text to a file in chunks, hashing as it goes, so outputs larger than one string can be written. */
export class HashingWriter {
  private readonly fd: number;
  private readonly hash: Hash = createHash("sha256");
  private pending: string[] = [];
  private pendingLength = 0;
  bytes = 0;
  constructor(path: string) {
    this.fd = openSync(path, "w");
  }
  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength > 1 << 22) this.flush();
  }
  private flush(): void {
    if (this.pending.length === 0) return;
    const buf = Buffer.from(this.pending.join(""), "utf8");
    this.hash.update(buf);
    this.bytes += writeSync(this.fd, buf);
    this.pending = [];
    this.pendingLength = 0;
  }
  close(): WrittenFile {
    this.flush();
    closeSync(this.fd);
    return { bytes: this.bytes, sha256: this.hash.digest("hex") };
  }
}

/** Writes CSV rows (RFC 4180 quoting by d3-dsv, formula-safe cells) through a HashingWriter. */
export class CsvWriter {
  private readonly out: HashingWriter;
  private batch: string[][] = [];
  constructor(path: string, header: readonly string[]) {
    this.out = new HashingWriter(path);
    this.batch.push([...header]);
  }
  row(cells: string[]): void {
    this.batch.push(cells.map(neutraliseFormula));
    if (this.batch.length >= 5000) this.flush();
  }
  private flush(): void {
    if (this.batch.length === 0) return;
    this.out.write(`${csvFormatRows(this.batch)}\n`);
    this.batch = [];
  }
  close(): WrittenFile {
    this.flush();
    return this.out.close();
  }
}
