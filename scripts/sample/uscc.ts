/** 统一社会信用代码 (GB 32100-2015): building valid codes and deliberately broken ones. */
import type { Rng } from "./rng.ts";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** The 18th character for the first 17 (weights 3^(i-1) mod 31). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  let w = 1;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]!);
    if (v < 0) throw new Error(`not a credit-code character: ${first17[i]}`);
    sum += v * w;
    w = (w * 3) % 31;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** A fresh valid code: "91" (工商, 企业), a registrar area code, a 9-character organisation code. */
export function makeUscc(rng: Rng, area: string, used: Set<string>): string {
  for (;;) {
    const org = rng.chance(0.6)
      ? "MA5" + Array.from({ length: 6 }, () => rng.pick([...ALPHABET])).join("")
      : Array.from({ length: 9 }, () => String(rng.int(0, 9))).join("");
    const first17 = "91" + area + org;
    const code = first17 + usccCheckChar(first17);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

/** The same code with a wrong check character. */
export function withWrongCheck(code: string): string {
  const right = ALPHABET.indexOf(code[17]!);
  return code.slice(0, 17) + ALPHABET[(right + 7) % 31];
}

/** The same code with a forbidden letter O in the organisation part (looks like a zero). */
export function withLetterO(code: string): string {
  const i = code.indexOf("0", 8);
  return i >= 0 ? code.slice(0, i) + "O" + code.slice(i + 1) : code.slice(0, 10) + "O" + code.slice(11);
}
