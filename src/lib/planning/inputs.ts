/**
 * The inputs of the scenarios compared, listed once each: an input with the same field, value and basis in several
 * scenarios is one item naming them ("scenarios A, B"); a field with different values is one item per value. Pure.
 */
import type { DescribedInput } from "./view.ts";

export interface InputItem {
  input: DescribedInput;
  /** The scenarios that use it, "A", "B" … */
  letters: string[];
}

export function inputUnion(scenarios: readonly { letter: string; inputs: readonly DescribedInput[] }[]): InputItem[] {
  const items: InputItem[] = [];
  const key = (i: DescribedInput) => `${i.field}|${i.value}|${i.basis}|${i.citation?.figureId ?? ""}`;
  for (const s of scenarios) {
    for (const i of s.inputs) {
      const found = items.find((x) => key(x.input) === key(i));
      if (found) found.letters.push(s.letter);
      else items.push({ input: i, letters: [s.letter] });
    }
  }
  // Keep fields together, in the order they first appear.
  const order = [...new Set(items.map((x) => x.input.field))];
  return order.flatMap((f) => items.filter((x) => x.input.field === f));
}
