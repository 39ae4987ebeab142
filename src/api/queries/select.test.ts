import { selectWithIndex } from './select';

describe('selectWithIndex', () => {
  const territory = {
    name: 'Milano',
    municipalities: [
      { id: 'm1', name: 'Milano' },
      { id: 'm2', name: 'Sesto San Giovanni' },
    ],
  };
  const withMunicipalities = selectWithIndex((t: typeof territory) => t.municipalities);

  it('keeps the response as it came and adds the picked list by id', () => {
    const selected = withMunicipalities(territory);
    expect(selected.name).toBe('Milano');
    expect(selected.municipalities).toBe(territory.municipalities);
    expect(selected.byId.get('m2')).toBe(territory.municipalities[1]);
    expect(selected.byId.get('m3')).toBeUndefined();
    expect([...selected.byId.keys()]).toEqual(['m1', 'm2']);
  });
});
