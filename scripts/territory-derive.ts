/**
 * `npm run territory:derive`: writes what the simulated territory derives from the municipal
 * boundaries to mocks/territory/data/: the municipalities' shapes with their label points and
 * areas, and the metropolitan outline, their dissolved union.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deriveShapes, dissolve } from '../mocks/territory/derive-boundaries';

const write = (name: string, value: unknown) => {
  const file = resolve(import.meta.dirname, '../mocks/territory/data', name);
  writeFileSync(file, `${JSON.stringify(value)}\n`);
  console.log(`Wrote ${file}`);
};

const shapes = deriveShapes();
write('milan-municipality-shapes.json', shapes);
write('milan-outline.geo.json', dissolve(shapes));
