/**
 * SMS-pumping signals. Fraudsters request codes to premium or colluding numbers and never
 * enter them: per destination, the share of codes verified collapses. These functions decide;
 * the API reads the counts from its message ledger.
 */

/** "+447700900123" with 6 digits → "+447700": the country code and the start of the national number. */
export function destinationPrefix(e164: string, digits: number): string {
  return '+' + e164.replace(/\D/g, '').slice(0, digits);
}

export interface ConversionSample {
  /** Codes sent to the destination whose validity has ended (so each had its chance to be entered). */
  sent: number;
  /** Of those, how many were entered correctly. */
  verified: number;
}

/** True when the sample is large enough and the verified share is below `minPercent`. */
export function conversionCollapsed(sample: ConversionSample, minSends: number, minPercent: number): boolean {
  return sample.sent >= minSends && sample.verified * 100 < sample.sent * minPercent;
}
