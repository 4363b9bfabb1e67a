// Inline in every release page (`xtask/src/split/bundle.rs` puts the data in and minifies
// it). On a deep link — a screen behind the home page opened by its address, or a reload —
// it downloads that screen's bundle, so the screen's wasm modules arrive beside the main
// wasm in one file instead of one by one after it has started. The split loader asks for
// each module by number (`self.__splitPart`); a module the bundle lacks, or every module
// of a bundle that failed, gets no answer here and the loader fetches it alone.
//
// The download waits for the first paint (the pre-rendered screen) unless the app asks for
// a module sooner, and goes at low priority: the modules are of no use before the main
// wasm runs. The home page downloads nothing more.
(() => {
  // Address → its bundle's file name, from the route table and the split's manifest.
  const bundleOf = __BUNDLES__;
  // The address as the route table writes it: no trailing slash but the root's.
  const bundle = bundleOf[location.pathname.replace(/(.)\/$/, '$1')];
  if (!bundle) return;

  let start;
  const started = new Promise((resolve) => (start = resolve));
  // The bundle's parts by module number. Its format (`bundle.rs`): a little-endian u32
  // count, each part's length, each part's module number, then the parts in that order.
  const parts = started
    .then(() => fetch('/' + bundle, { priority: 'low' }))
    .then((answer) => (answer.ok ? answer.arrayBuffer() : Promise.reject()))
    .then((buffer) => {
      const view = new DataView(buffer);
      const count = view.getUint32(0, true);
      const byNumber = new Map();
      let offset = 4 + 8 * count;
      for (let k = 0; k < count; k++) {
        const length = view.getUint32(4 + 4 * k, true);
        byNumber.set(view.getUint32(4 + 4 * count + 4 * k, true), new Uint8Array(buffer, offset, length));
        offset += length;
      }
      return byNumber;
    });
  // A failed bundle is not an error: the loader fetches each module alone.
  parts.catch(() => {});

  // A module asked for while the bundle is on its way waits for it; each part is given once.
  self.__splitPart = (number) => {
    start();
    return parts.then(
      (byNumber) => {
        const part = byNumber.get(number);
        if (part) {
          byNumber.delete(number);
          return new Response(part, { headers: { 'content-type': 'application/wasm' } });
        }
      },
      () => {},
    );
  };
  requestAnimationFrame(() => setTimeout(start));
})();
