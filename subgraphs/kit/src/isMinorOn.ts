/** Whether a person born on a `YYYY-MM-DD` date is under 18 on another such date. */
export function isMinorOn(dateOfBirth: string, onDate: string): boolean {
  // Comparing the 18th birthday as a string avoids time zones; a 29 February birthday
  // comes of age on 1 March in non-leap years, since "YYYY-02-29" sorts after "YYYY-02-28".
  const eighteenthBirthday = `${Number(dateOfBirth.slice(0, 4)) + 18}${dateOfBirth.slice(4)}`;
  return eighteenthBirthday > onDate;
}
