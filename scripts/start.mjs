// The main job from a fresh clone: installs what is missing, then runs the sandbox (and, as they land, the
// server and the demo) in the foreground.
import { ensureDependencies, ensurePnpm, run } from './ensure.mjs';

ensurePnpm();
ensureDependencies();
run('pnpm', ['sandbox']);
