/** Spread on a field the form cannot be saved without: the asterisk by its label. */
export const required = { withAsterisk: true };

/** A grid column's width: full on a narrow window, `md` of 12 from the medium breakpoint. */
export const span = (base: number, md: number) => ({ base, md });
