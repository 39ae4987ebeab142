import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataTable, type Column } from './data-table';

interface Station {
  name: string;
  index: number | null;
}

// Two stations that never reported, placed first and in the middle of the answer.
const STATIONS: Station[] = [
  { name: 'Silent A', index: null },
  { name: 'Marche', index: 3 },
  { name: 'Senato', index: 5 },
  { name: 'Silent B', index: null },
  { name: 'Pascal', index: 1 },
];

const COLUMNS: Column<Station>[] = [
  { key: 'name', header: 'Station', cell: (s) => s.name, sortValue: (s) => s.name },
  { key: 'index', header: 'Index', cell: (s) => s.index ?? '—', sortValue: (s) => s.index, numeric: true },
];

/** The station names in the order the table shows them. */
const shownOrder = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

function renderTable(initialSort?: { key: string; descending?: boolean }) {
  render(
    <DataTable
      caption="Stations"
      columns={COLUMNS}
      rows={STATIONS}
      rowKey={(s) => s.name}
      initialSort={initialSort}
    />,
  );
}

describe('DataTable sorting', () => {
  it('puts stations that never reported last when sorted by index, descending', () => {
    renderTable({ key: 'index', descending: true });
    expect(shownOrder()).toEqual(['Senato', 'Marche', 'Pascal', 'Silent A', 'Silent B']);
  });

  it('puts them last when sorted ascending too, and again after the header is clicked twice', async () => {
    const user = userEvent.setup();
    renderTable();
    const header = screen.getByRole('button', { name: /Index/ });
    await user.click(header);
    expect(shownOrder()).toEqual(['Pascal', 'Marche', 'Senato', 'Silent A', 'Silent B']);
    expect(screen.getByRole('columnheader', { name: /Index/ })).toHaveAttribute('aria-sort', 'ascending');
    await user.click(header);
    expect(shownOrder()).toEqual(['Senato', 'Marche', 'Pascal', 'Silent A', 'Silent B']);
    expect(screen.getByRole('columnheader', { name: /Index/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('sorts text columns both ways', async () => {
    const user = userEvent.setup();
    renderTable({ key: 'name' });
    expect(shownOrder()).toEqual(['Marche', 'Pascal', 'Senato', 'Silent A', 'Silent B']);
    await user.click(screen.getByRole('button', { name: /Station/ }));
    expect(shownOrder()).toEqual(['Silent B', 'Silent A', 'Senato', 'Pascal', 'Marche']);
  });
});
