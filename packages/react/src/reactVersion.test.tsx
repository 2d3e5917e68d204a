import { render, screen } from '@testing-library/react';
import { version as reactVersion, useId } from 'react';
import { version as domVersion } from 'react-dom';
import { describe, expect, it } from 'vitest';

function Probe() {
  return <output>{`${reactVersion} ${useId().length > 0}`}</output>;
}

// Runs in the `react` project (React 19) and in `react18`, which sets HC_EXPECTED_REACT: proof that each
// project renders with the React it claims to test, one instance throughout.
describe('React under test', () => {
  it('is the version this project targets, in the renderer and in the components', () => {
    const expected = process.env.HC_EXPECTED_REACT;
    if (expected) expect(reactVersion).toBe(expected);
    else expect(reactVersion).toMatch(/^19\./);
    expect(domVersion).toBe(reactVersion);
    render(<Probe />);
    expect(screen.getByRole('status')).toHaveTextContent(`${reactVersion} true`);
  });
});
