/** The part of the Frictionless reference library (datapackage on npm, no types of its own) the tests use. */
declare module "datapackage" {
  export interface Resource {
    name: string;
    tabular: boolean;
    descriptor: Record<string, unknown> & { profile?: string; path?: string; format?: string; schema?: unknown; dialect?: Record<string, unknown> };
    read(options?: { keyed?: boolean; cast?: boolean; relations?: boolean; limit?: number }): Promise<Record<string, unknown>[]>;
    checkRelations(): Promise<true>;
  }
  export class Package {
    static load(descriptor: string | Record<string, unknown>, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    valid: boolean;
    errors: Error[];
    resources: Resource[];
    descriptor: Record<string, unknown>;
    getResource(name: string): Resource | null;
  }
}
