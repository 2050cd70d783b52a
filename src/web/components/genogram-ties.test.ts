import { describe, expect, it } from 'vitest';
import { tiesFromRelations } from './Genogram';

const member = (id: string, relation: string) => ({
  person: { id, familyName: '松岡', givenName: id, gender: null, isDeceased: false },
  relation,
  livesTogether: true,
});

describe('genogram ties from 続柄', () => {
  it('draws the lines the household’s 続柄 states, relative to 本人', () => {
    const members = [
      member('tome', '本人'),
      member('makoto', '長男'),
      member('hanako', '次女'),
      member('father', '父'),
      member('husband', '夫'),
      member('sister', '妹'),
      member('friend', '知人'),
    ];
    const ties = tiesFromRelations(members, []).map((t) => [t.kind, t.personAId, t.personBId]);
    expect(ties).toEqual([
      ['parent_child', 'tome', 'makoto'],
      ['parent_child', 'tome', 'hanako'],
      ['parent_child', 'father', 'tome'],
      ['spouse', 'tome', 'husband'],
      ['sibling', 'tome', 'sister'],
    ]);
  });

  it('keeps a relationship recorded by hand instead of the one 続柄 suggests', () => {
    const recorded = [
      { id: 'r1', personAId: 'makoto', personBId: 'tome', kind: 'parent_child', ended: false },
    ];
    expect(tiesFromRelations([member('tome', '本人'), member('makoto', '長男')], recorded)).toEqual([]);
  });

  it('draws nothing when no one is 本人', () => {
    expect(tiesFromRelations([member('a', '長男'), member('b', '母')], [])).toEqual([]);
  });
});
