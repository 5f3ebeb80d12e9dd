import { autoUpdate, flip, offset, shift, size, useFloating } from '@floating-ui/react-dom';
import { type ReactNode, useEffect, useLayoutEffect, useRef } from 'react';

export interface Anchor {
  readonly x: number;
  readonly y: number;
}

interface PopoverProps {
  anchor: Anchor;
  label: string;
  onClose: () => void;
  children: ReactNode;
}

const WIDTH = 288;
/** Space kept free between a popover and the window's edges. */
const MARGIN = 8;

/**
 * A small non-modal dialog at the point tapped. Keyboard: focus moves into it, Tab stays inside, Escape
 * closes it and focus goes back to where it was, so a rep can work the map without a mouse.
 */
export function Popover({ anchor, label, onClose, children }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Kept whole inside the window however it grows (a conflict notice appears in it after a save): it
  // opens below-right of the tap, flips above near the bottom edge, and scrolls inside when too tall.
  const { refs, floatingStyles } = useFloating({
    strategy: 'fixed',
    placement: 'bottom-start',
    whileElementsMounted: autoUpdate,
    middleware: [
      offset(4),
      flip({ padding: MARGIN }),
      shift({ padding: MARGIN, crossAxis: true }),
      size({
        padding: MARGIN,
        apply: ({ availableHeight, elements }) => {
          elements.floating.style.maxHeight = `${Math.max(160, availableHeight)}px`;
        },
      }),
    ],
  });
  useLayoutEffect(() => {
    refs.setReference({
      getBoundingClientRect: () => new DOMRect(anchor.x, anchor.y, 0, 0),
    });
  }, [refs, anchor.x, anchor.y]);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first =
      ref.current?.querySelector<HTMLElement>('[data-autofocus]') ??
      ref.current?.querySelector<HTMLElement>('button, input, select, textarea');
    first?.focus();
    return () => opener?.focus();
  }, []);

  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const focusable = [
      ...ref.current.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href]'),
    ];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  }

  return (
    <>
      <div className="map-popover__backdrop" onPointerDown={onClose} aria-hidden="true" />
      <div
        ref={(element) => {
          ref.current = element;
          refs.setFloating(element);
        }}
        role="dialog"
        aria-label={label}
        className="map-popover"
        style={{ ...floatingStyles, width: WIDTH }}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </>
  );
}
