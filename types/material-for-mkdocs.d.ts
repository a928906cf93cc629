// What the browser script uses of Material for MkDocs' globals, for tsc (tsconfig.json).

interface Window {
  /** Emits each page shown, on load and after every instant navigation (an RxJS subject). */
  document$?: { subscribe?: (next: () => void) => unknown };
}
