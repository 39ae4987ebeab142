/**
 * `npm run territory:outline`: writes the metropolitan outline, the dissolved union of the
 * municipal boundaries, to mocks/territory/data/milan-outline.geo.json.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dissolve, MUNICIPALITY_SHAPES } from '../mocks/territory/boundaries';

const file = resolve(import.meta.dirname, '../mocks/territory/data/milan-outline.geo.json');
writeFileSync(file, `${JSON.stringify(dissolve(MUNICIPALITY_SHAPES.values()))}\n`);
console.log(`Wrote ${file}`);
