/** "19460302" (what a resident types on the number pad) → "1946-03-02"; anything else → undefined. */
export function birthDateFromDigits(digits: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(digits.trim())
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined
}

export const digitsFromBirthDate = (date: string | null): string => (date ? date.replaceAll('-', '') : '')
