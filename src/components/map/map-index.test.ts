import type { Device, Facility } from '../../api/schemas/health';
import type { Site } from '../../api/schemas/network';
import type { Sensor } from '../../api/schemas/sensors';
import type { Territory } from '../../api/schemas/territory';
import { translate, type Translate } from '../../i18n/i18n';
import { featuresInView, searchEntries, type InViewSources } from './map-index';

const t: Translate = (key, params) => translate('en', key, params);

// A hand-made corner of a territory: one of each thing the map names.
const territory = {
  municipalities: [
    { id: 'rho', name: 'Rho', centroid: [9.04, 45.53], peripheral: false, population: 50_000 },
  ],
  corridors: [
    {
      id: 'a4',
      name: 'A4',
      path: [
        [9.0, 45.5],
        [9.1, 45.52],
        [9.2, 45.54],
      ],
    },
  ],
} as unknown as Territory;
const sites = [{ id: 'site-1', name: 'Rho 1 5G', location: [9.05, 45.52], status: 'online' }] as Site[];
const sensors = [{ id: 'air-1', name: 'Rho air', kind: 'air', location: [9.03, 45.53] }] as Sensor[];
const facilities: Facility[] = [
  {
    id: 'fac-1',
    name: 'Ospedale di Rho',
    kind: 'hospital',
    municipalityId: 'rho',
    location: [9.045, 45.535],
  },
  // Outside the view used below.
  {
    id: 'fac-2',
    name: 'Poliambulatorio Melzo',
    kind: 'clinic',
    municipalityId: 'melzo',
    location: [9.42, 45.5],
  },
];
const device = (id: string, facilityId: string, deviceState: Device['deviceState']) =>
  ({
    id,
    name: `Endoscope ${id}`,
    facilityId,
    location: [9.045, 45.535],
    deviceState,
  }) as Device;
const devices = [
  device('hd-1', 'fac-1', 'idle'),
  device('hd-2', 'fac-1', 'fault'),
  device('hd-3', 'fac-9', 'idle'),
];

describe('the map’s search', () => {
  it('finds municipalities, corridors, sites, sensors, health facilities and devices', () => {
    const entries = searchEntries({ territory, sites, sensors, facilities, devices }, t);
    expect(entries.map((e) => [e.kind, e.id, e.name, e.description])).toEqual([
      ['municipality', 'rho', 'Rho', 'Municipality'],
      ['corridor', 'a4', 'A4', 'Corridor'],
      ['site', 'site-1', 'Rho 1 5G', '5G site'],
      ['sensor', 'air-1', 'Rho air', 'air sensor'],
      ['facility', 'fac-1', 'Ospedale di Rho', 'Hospital'],
      ['facility', 'fac-2', 'Poliambulatorio Melzo', 'Outpatient clinic'],
      ['device', 'hd-1', 'Endoscope hd-1', 'diagnostic device at Ospedale di Rho'],
      ['device', 'hd-2', 'Endoscope hd-2', 'diagnostic device at Ospedale di Rho'],
      // A facility not (yet) loaded is named by its id.
      ['device', 'hd-3', 'Endoscope hd-3', 'diagnostic device at fac-9'],
    ]);
    // A corridor is found at the middle of its path; a facility and a device where they stand.
    expect(entries[1]!.position).toEqual([9.1, 45.52]);
    expect(entries[4]!.position).toEqual([9.045, 45.535]);
    expect(entries[6]!.position).toEqual([9.045, 45.535]);
  });

  it('finds nothing before anything has loaded', () => {
    expect(
      searchEntries(
        {
          territory: undefined,
          sites: undefined,
          sensors: undefined,
          facilities: undefined,
          devices: undefined,
        },
        t,
      ),
    ).toEqual([]);
  });
});

describe('the map’s features in view', () => {
  const data: InViewSources = {
    territory,
    sites,
    air: null,
    traffic: null,
    shares: null,
    facilities,
    devicesAt: new Map([['fac-1', devices.slice(0, 2)]]),
  };
  // Around Rho: fac-1 inside, fac-2 (Melzo) outside.
  const bounds = [9.0, 45.5, 9.1, 45.6];

  it('lists the facilities in view with their devices and the worst of them when the health layer is on', () => {
    const listed = featuresInView(bounds, ['health'], data, 'all', t);
    expect(listed).toEqual([
      {
        kind: 'facility',
        id: 'fac-1',
        name: 'Ospedale di Rho',
        layer: 'Hospital',
        state: '2 devices, worst fault',
        position: [9.045, 45.535],
      },
    ]);
  });

  it('says a facility has no devices, and lists none while the health layer is off', () => {
    const bare = { ...data, devicesAt: new Map() };
    expect(featuresInView(bounds, ['health'], bare, 'all', t).map((f) => f.state)).toEqual([
      'No diagnostic devices here',
    ]);
    const one = { ...data, devicesAt: new Map([['fac-1', devices.slice(0, 1)]]) };
    expect(featuresInView(bounds, ['health'], one, 'all', t).map((f) => f.state)).toEqual([
      '1 device, worst idle',
    ]);
    const withoutHealth = featuresInView(bounds, ['sites', 'municipalities'], data, 'all', t);
    expect(withoutHealth.map((f) => f.kind)).toEqual(['site', 'municipality']);
  });
});
