/** The data dictionary, generated from the zod schema's descriptions (used by datapackage.json and the Data page). */
import * as z from "zod";
import { Figure } from "./figure.ts";

type JsonSchemaProperty = { type?: string | string[]; description?: string; enum?: string[]; anyOf?: JsonSchemaProperty[] };

export interface FieldDescriptor {
  name: string;
  type: "string" | "number" | "integer" | "boolean";
  description: string;
  constraints?: { enum: string[] };
}

/** Frictionless field descriptors for the given Figure columns, from the schema's JSON Schema. */
export function tableSchemaFields(columns: readonly (keyof Figure)[]): FieldDescriptor[] {
  const props = (z.toJSONSchema(Figure) as { properties: Record<string, JsonSchemaProperty> }).properties;
  return columns.map((name) => {
    const p = props[name]!;
    const types = p.anyOf ? p.anyOf.map((a) => a.type) : [p.type];
    const type = types.includes("integer") ? "integer" : types.includes("number") ? "number" : types.includes("boolean") ? "boolean" : "string";
    return { name, type, description: p.description ?? "", ...(p.enum ? { constraints: { enum: p.enum } } : {}) };
  });
}
