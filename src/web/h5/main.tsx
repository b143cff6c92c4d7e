import { StrictMode } from 'react';
import { createRoot, type Root as ReactRoot } from 'react-dom/client';
import { unstableSetRender } from 'antd-mobile';
import { H5Root } from './App';
import { watchNetwork } from './offline';
import './h5.css';

watchNetwork();
// The offline shell (sw.ts, built to /h5-sw.js): only the phone pages under /h5, never the console at /.
if ('serviceWorker' in navigator && window.isSecureContext) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/h5-sw.js', { scope: '/h5' }).catch(() => {
      /* dev server or no service worker: online only */
    });
  });
}

// antd-mobile's Toast/Dialog render outside the tree; give them React 19's root API.
unstableSetRender((node, container) => {
  const c = container as Element & { _xzRoot?: ReactRoot };
  c._xzRoot ??= createRoot(c);
  const root = c._xzRoot;
  root.render(node);
  return async () => {
    await new Promise((r) => setTimeout(r, 0));
    root.unmount();
    delete c._xzRoot;
  };
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <H5Root />
  </StrictMode>,
);
