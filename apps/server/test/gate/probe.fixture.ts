// The gate test's probe, outside the normal run (vitest.config.ts includes it only when
// DOSSIER_GATE_PROBE is set): it passes when asked to pass and fails when asked to fail.
import { expect, it } from 'vitest';

it('does what the gate test asks of it', () => {
  expect(process.env.DOSSIER_GATE_PROBE).toBe('pass');
});
