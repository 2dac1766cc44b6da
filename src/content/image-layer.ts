/**
 * Mounts the image chip and warning (src/ui/ImageCheck.tsx) in its own closed shadow root, with the
 * same random-tag host and tamper guard as the text warning (src/content/layer.ts). Untrusted side.
 *
 * "Save a copy without location data" downloads through a link created inside the closed root and
 * removed at once; its blob: URL is revoked after the download has started. The clean copy is the
 * user's own photo minus its metadata: nothing the page did not already have.
 */
import { h, render } from 'preact';
import { IMAGE_CSS, ImageLayer, type ImageActions } from '../ui/ImageCheck';
import type { ImageLayerHandle } from './attachments';
import { mountShadowHost } from './layer';

export function mountImageLayer(doc: Document, actions: ImageActions): ImageLayerHandle {
  const host = mountShadowHost(doc, IMAGE_CSS);
  return {
    update(vm) {
      host.setShowing(!!(vm && vm.items.length));
      render(h(ImageLayer, { vm, actions }), host.container);
    },
    save(bytes, name, mime) {
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
      const a = doc.createElement('a');
      a.href = url;
      a.download = name;
      host.container.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    destroy() {
      host.destroy(() => render(null, host.container));
    },
  };
}
