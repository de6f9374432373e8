/** Lazy components render once their code has arrived, and preload shares one load. */
import { render, screen } from '@testing-library/preact';
import type { ComponentType } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { lazyComponent } from '../../src/ui/components/lazy';

describe('lazyComponent', () => {
  it('renders nothing first, then the loaded component with its props', async () => {
    const load = vi.fn(async () => (props: { name: string }) => <p>Halo {props.name}</p>);
    const Lazy = lazyComponent(load);

    const { container } = render(<Lazy name="Warga" />);

    expect(container.textContent).toBe('');
    expect(await screen.findByText('Halo Warga')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('renders when the code lands between its first render and its effect', async () => {
    let finish: (component: ComponentType) => void = () => {};
    const Lazy = lazyComponent(() => new Promise<ComponentType>((resolve) => (finish = resolve)));
    void Lazy.preload();

    render(<Lazy />);
    finish(() => <p>Tepat waktu</p>);

    expect(await screen.findByText('Tepat waktu')).toBeTruthy();
  });

  it('loads once however often it is preloaded and rendered', async () => {
    const load = vi.fn(async () => () => <p>Siap</p>);
    const Lazy = lazyComponent(load);

    await Promise.all([Lazy.preload(), Lazy.preload()]);
    render(<Lazy />);

    expect(screen.getByText('Siap')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
