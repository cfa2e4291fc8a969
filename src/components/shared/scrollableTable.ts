// Inputs.table scrolls inside itself; a scroll box with nothing focusable inside cannot be scrolled
// from the keyboard (axe: scrollable-region-focusable), so it becomes focusable and named. (No role:
// Inputs.table's root is a <form>, which may not take role="region".)

/** Make an Inputs.table (or any scroll box) reachable by keyboard, named `label`; returns it. */
export function scrollableTable<T extends HTMLElement>(table: T, label: string): T {
  table.tabIndex = 0;
  table.setAttribute("aria-label", label);
  return table;
}
