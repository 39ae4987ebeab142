import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ToggleGroup } from './toggle-group';

function Periods({ onChange }: { onChange: (period: string) => void }) {
  const [period, setPeriod] = useState('week');
  return (
    <ToggleGroup
      label="Period"
      options={['day', 'week', 'month']}
      value={period}
      onChange={(next) => {
        setPeriod(next);
        onChange(next);
      }}
      optionLabel={(p) => p.toUpperCase()}
    >
      <button type="button">Print</button>
    </ToggleGroup>
  );
}

describe('ToggleGroup', () => {
  it('is a labelled group whose chosen option alone is pressed, and moves the choice on a click', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Periods onChange={onChange} />);
    const group = screen.getByRole('group', { name: 'Period' });
    const pressed = () =>
      within(group)
        .getAllByRole('button', { pressed: true })
        .map((b) => b.textContent);

    expect(pressed()).toEqual(['WEEK']);
    expect(within(group).getByRole('button', { name: 'DAY' })).toHaveAttribute('aria-pressed', 'false');
    expect(within(group).getByRole('button', { name: 'Print' })).not.toHaveAttribute('aria-pressed');

    await user.click(within(group).getByRole('button', { name: 'MONTH' }));
    expect(onChange).toHaveBeenCalledExactlyOnceWith('month');
    expect(pressed()).toEqual(['MONTH']);
  });
});
