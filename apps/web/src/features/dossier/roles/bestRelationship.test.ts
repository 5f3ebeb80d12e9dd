import { describe, expect, it } from 'vitest';
import { bestRelationship } from './bestRelationship';

const link = (state: string, name: string, active = true) => ({
  __typename: 'Relationship' as const,
  id: `${name}-${state}`,
  state: state as never,
  staff: { __typename: 'Staff' as const, id: name, name, active },
});

describe('bestRelationship', () => {
  const cases: Array<[string, ReturnType<typeof link>[], { state: string; staff: string[] }]> = [
    ['nobody knows the person', [], { state: 'NONE', staff: [] }],
    [
      'the most favourable state wins',
      [link('NEUTRAL', '李伟'), link('POSITIVE', '王芳')],
      { state: 'POSITIVE', staff: ['王芳'] },
    ],
    [
      'everyone holding it is named',
      [link('NEUTRAL', '李伟'), link('NEUTRAL', '王芳')],
      { state: 'NEUTRAL', staff: ['李伟', '王芳'] },
    ],
    [
      'a hostile link beats no contact',
      [link('NONE', '李伟'), link('NEGATIVE', '王芳')],
      { state: 'NEGATIVE', staff: ['王芳'] },
    ],
    [
      'a departed colleague no longer counts',
      [link('POSITIVE', '赵强', false), link('NEUTRAL', '李伟')],
      { state: 'NEUTRAL', staff: ['李伟'] },
    ],
  ];

  it.each(cases)('%s', (_name, relationships, expected) => {
    expect(bestRelationship(relationships)).toEqual(expected);
  });
});
