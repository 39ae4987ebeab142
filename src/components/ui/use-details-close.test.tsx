import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { useDetailsClose } from './use-details-close';

function Details({ onClose }: { onClose: () => void }) {
  const panel = useDetailsClose<HTMLElement>(onClose, 'one');
  return (
    <section ref={panel} aria-label="Details">
      <input aria-label="Note" />
      <button type="button" onClick={onClose}>
        Close details
      </button>
    </section>
  );
}

function Page() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open && <Details onClose={() => setOpen(false)} />}
    </>
  );
}

describe('useDetailsClose', () => {
  it('closes on Escape inside the panel and gives the focus back to the control that opened it', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.click(screen.getByRole('button', { name: 'Close details' }));
    expect(screen.queryByRole('region', { name: 'Details' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Open' }));
    screen.getByRole('button', { name: 'Close details' }).focus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Details' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open' })).toHaveFocus();
  });

  it('leaves Escape to a text field inside the panel', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.click(screen.getByRole('textbox', { name: 'Note' }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('region', { name: 'Details' })).toBeInTheDocument();
  });
});
