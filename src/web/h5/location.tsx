// 附上位置: only when the worker taps it (no forced location tracking, PRODUCT.md "Against formalism").
import { useState } from 'react';
import { EnvironmentOutline } from 'antd-mobile-icons';

export interface Spot {
  latitude: number;
  longitude: number;
}

type State = { kind: 'none' } | { kind: 'locating' } | { kind: 'got'; spot: Spot; accuracy: number } | { kind: 'failed'; why: string };

/** The optional location of a record: a button until tapped, then the place with a way to drop it. */
export function useOptionalLocation() {
  const [state, setState] = useState<State>({ kind: 'none' });
  const locate = () => {
    if (!('geolocation' in navigator)) return setState({ kind: 'failed', why: '这台手机不能定位，不附位置也可以保存' });
    setState({ kind: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (pos) =>
        setState({
          kind: 'got',
          accuracy: Math.round(pos.coords.accuracy || 0),
          spot: { latitude: Math.round(pos.coords.latitude * 1e6) / 1e6, longitude: Math.round(pos.coords.longitude * 1e6) / 1e6 },
        }),
      (err) =>
        setState({
          kind: 'failed',
          why: err.code === err.PERMISSION_DENIED ? '没有定位权限（可在手机设置里允许），不附位置也可以保存' : '暂时没有取到位置，不附位置也可以保存',
        }),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  const drop = () => setState({ kind: 'none' });
  return { state, locate, drop, spot: state.kind === 'got' ? state.spot : undefined };
}

export function LocationField({ loc }: { loc: ReturnType<typeof useOptionalLocation> }) {
  const { state } = loc;
  return (
    <div className="xz-field xz-loc" aria-live="polite">
      {state.kind === 'got' ? (
        <div className="xz-loc-got">
          <span className="xz-loc-text">
            <EnvironmentOutline aria-hidden /> 已附上位置{state.accuracy ? `（误差约${state.accuracy}米）` : ''}
          </span>
          <button type="button" className="xz-text-btn" onClick={loc.drop}>
            不附了
          </button>
        </div>
      ) : (
        <>
          <button type="button" className="xz-loc-btn" onClick={loc.locate} disabled={state.kind === 'locating'}>
            <EnvironmentOutline aria-hidden /> {state.kind === 'locating' ? '正在定位…' : '附上位置'}
          </button>
          <p className="xz-field-hint">{state.kind === 'failed' ? state.why : '可不附；需要说明在哪里时再点'}</p>
        </>
      )}
    </div>
  );
}
