// GB 11643-1999 citizen ID numbers for test data, written out here so the journeys check the app's rule independently.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkChar(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0);
  return CHECK[sum % 11];
}

/** A valid ID: area + YYYYMMDD + 3-digit sequence (odd = male) + check character. */
export function validId(area: string, birth: string, seq: number): string {
  const first17 = `${area}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + checkChar(first17);
}

/** The same number with a wrong check character. */
export function withWrongCheck(id: string): string {
  const wrong = [...CHECK].find((c) => c !== id[17])!;
  return id.slice(0, 17) + wrong;
}
