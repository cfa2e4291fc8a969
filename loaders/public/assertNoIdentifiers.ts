/**
 * Last line of defence before a public data file is written: no field named like an identifier or
 * personal value, and no string shaped like a credit code (GB 32100) or a phone number.
 */

const deniedKeys = new Set([
  "uscc", "enterprise", "enterprise_name", "entity_id", "entity_name", "name",
  "project_id", "project_name", "payment_id", "payee_id", "loan_id", "assessment_id",
  "unit_id", "leading_unit", "provider_names", "contact", "phone",
]);
const creditCode = /[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}/;
const phone = /(?:^|\D)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?:\D|$)/;

/** Throw when `value` holds a denied key or an identifier-shaped string; returns it unchanged otherwise. */
export function assertNoIdentifiers<T>(value: T, path = "$"): T {
  if (typeof value === "string") {
    if (creditCode.test(value) || phone.test(value)) throw new Error(`public data: identifier-like text at ${path}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => assertNoIdentifiers(v, `${path}[${i}]`));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (deniedKeys.has(k)) throw new Error(`public data: field "${k}" at ${path} may not be published`);
      assertNoIdentifiers(v, `${path}.${k}`);
    }
  }
  return value;
}
