import { StrictMode } from 'react';
import { createRoot, type Root as ReactRoot } from 'react-dom/client';
import { unstableSetRender } from 'antd-mobile';
import { H5Root } from './App';
import './h5.css';

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
