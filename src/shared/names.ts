/** A person's name as offices write it: 氏 and 名 with a space (山田 太郎). */
export const personName = (p: { familyName: string; givenName: string | null }) =>
  `${p.familyName} ${p.givenName ?? ''}`.trim();
