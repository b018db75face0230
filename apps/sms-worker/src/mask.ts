/** `+447700900123` → `+44********23`: enough for an operator to tell numbers apart, not to dial one. */
export function maskPhone(e164: string): string {
  const digits = e164.replace(/[^0-9]/g, '');
  if (digits.length <= 4) return '+' + '*'.repeat(digits.length);
  return '+' + digits.slice(0, 2) + '*'.repeat(digits.length - 4) + digits.slice(-2);
}
