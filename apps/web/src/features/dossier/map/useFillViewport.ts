import { useLayoutEffect, useRef } from 'react';

/**
 * Sizes an element down to the window's bottom edge, never below `min` px: on a tablet the map is one
 * screen, because a finger on the map pans it and cannot scroll the page to its hidden bottom.
 */
export function useFillViewport<T extends HTMLElement>(min: number) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const fill = () => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      element.style.height = `${Math.max(min, window.innerHeight - top - 12)}px`;
    };
    fill();
    window.addEventListener('resize', fill);
    return () => window.removeEventListener('resize', fill);
  }, [min]);
  return ref;
}
