// Where the built artefacts and fixtures are, from the compiled tests in out/test/.
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const DIST = path.join(REPO, 'dist');
export const DATA = path.join(REPO, 'data');
export const FIXTURES = path.join(REPO, 'test', 'fixtures');
export const SAMPLES = path.join(DATA, 'samples');
