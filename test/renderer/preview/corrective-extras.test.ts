import { describe, expect, it } from 'vitest';
import { readCorrectiveDefs, resolveAccessor } from '../../../renderer/src/preview/corrective-extras';

const json = {
  accessors: [{ name: 'head.position' }, { name: 'rigsolve.corrective.k.head' }, { name: 'rigsolve.corrective.k.mouth' }],
  extras: {
    rigsolve: {
      version: 1,
      correctives: [
        {
          name: 'k',
          a: 'jawOpen',
          b: 'mouthPucker_L',
          targets: [
            { mesh: 0, primitive: 0, accessor: 1, accessorName: 'rigsolve.corrective.k.head' },
            // Re-laid-out file: the index is stale, the name is right.
            { mesh: 2, accessor: 0, accessorName: 'rigsolve.corrective.k.mouth' },
            { mesh: 3, accessor: 9, accessorName: 'gone' },
          ],
        },
        { name: 'bad', a: 1, b: 'x', targets: [] },
        'junk',
      ],
    },
  },
};

describe('readCorrectiveDefs', () => {
  it('reads the writer’s extras and resolves accessors by index, then by name', () => {
    expect(readCorrectiveDefs(json)).toEqual([
      {
        name: 'k',
        a: 'jawOpen',
        b: 'mouthPucker_L',
        targets: [
          { mesh: 0, primitive: 0, accessor: 1 },
          { mesh: 2, primitive: 0, accessor: 2 },
        ],
      },
    ]);
  });

  it('is empty for rigs from elsewhere or junk', () => {
    expect(readCorrectiveDefs({ asset: {} })).toEqual([]);
    expect(readCorrectiveDefs(null)).toEqual([]);
    expect(readCorrectiveDefs({ extras: { rigsolve: { correctives: 'no' } } })).toEqual([]);
  });
});

describe('resolveAccessor', () => {
  it('uses the index alone when no name is given', () => {
    expect(resolveAccessor(['a', 'b'], 1, undefined)).toBe(1);
    expect(resolveAccessor(['a', 'b'], 5, undefined)).toBeNull();
  });
});
