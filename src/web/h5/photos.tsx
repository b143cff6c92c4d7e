// Up to nine photos from the camera (随手拍, 办结), each shrunk on the phone as it is picked. With a `prefix`, each photo
// is named from it (办结照片-3F9A0C-1.jpg …), so a retried upload sees which are already sent; else it keeps its own name.
import { useEffect, useRef, useState } from 'react';
import { CameraOutline, CloseOutline } from 'antd-mobile-icons';
import { api } from '../shared/api-client';
import { compressPhoto } from './image';

export const MAX_PHOTOS = 9;

export interface Shot {
  /** Stable while the form is open: the name the photo is uploaded under. */ name: string;
  file: File;
  url: string;
}

export function usePhotoList(prefix?: string, max = MAX_PHOTOS) {
  const [shots, setShots] = useState<Shot[]>([]);
  const [shrinking, setShrinking] = useState(false);
  const seq = useRef(0);
  const held = useRef<Shot[]>([]);
  held.current = shots;
  useEffect(
    () => () => {
      for (const s of held.current) URL.revokeObjectURL(s.url);
    },
    [],
  );
  /** Shrinks and adds the chosen files (those past the limit are left out); an error message for a non-picture. */
  const add = async (files: File[]): Promise<string | null> => {
    const pictures = files.filter((f) => f.type.startsWith('image/'));
    const room = max - held.current.length;
    if (!pictures.length) return files.length ? '请选择照片' : null;
    setShrinking(true);
    const small = await Promise.all(pictures.slice(0, Math.max(0, room)).map((f) => compressPhoto(f)));
    setShrinking(false);
    const added = small.map((f) => {
      seq.current += 1;
      if (!prefix) return { name: f.name, file: f, url: URL.createObjectURL(f) };
      const name = `${prefix}-${seq.current}.jpg`;
      return { name, file: new File([f], name, { type: f.type || 'image/jpeg' }), url: URL.createObjectURL(f) };
    });
    setShots((s) => [...s, ...added].slice(0, max));
    if (pictures.length > room) return `最多${max}张照片，多出的没有加上`;
    return pictures.length < files.length ? '只加上了照片，其他文件不能上传' : null;
  };
  const remove = (i: number) =>
    setShots((s) => {
      URL.revokeObjectURL(s[i].url);
      return s.filter((_, j) => j !== i);
    });
  const clear = () =>
    setShots((s) => {
      for (const x of s) URL.revokeObjectURL(x.url);
      return [];
    });
  return { shots, files: shots.map((s) => s.file), shrinking, add, remove, clear, max };
}
export type PhotoList = ReturnType<typeof usePhotoList>;

/** Uploads the photos to an attachments endpoint in one multipart request. */
export async function uploadPhotos(path: string, files: File[]) {
  if (!files.length) return;
  const form = new FormData();
  for (const [i, f] of files.entries()) form.append('file', f, f.name || `photo-${i + 1}.jpg`);
  await api.upload(path, form);
}

/** The thumbnails with delete buttons and a camera tile while there is room; `big` makes the tile the screen's main button. */
export function PhotosField({
  id,
  label,
  hint,
  list,
  onError,
  big,
}: {
  id: string;
  label: string;
  hint?: string;
  list: PhotoList;
  onError: (msg: string) => void;
  big?: boolean;
}) {
  const full = list.shots.length >= list.max;
  return (
    <div className="xz-field">
      <span className="xz-label" id={`${id}-l`}>
        {label}
        <span className="xz-label-note">
          （{list.shots.length}/{list.max}张）
        </span>
      </span>
      {hint && <p className="xz-field-hint">{hint}</p>}
      <div className={big && !list.shots.length ? 'xz-shots xz-shots-big' : 'xz-shots'}>
        {list.shots.map((s, i) => (
          <div key={s.url} className="xz-shot">
            <img src={s.url} alt={`第${i + 1}张照片`} />
            <button type="button" className="xz-shot-x" onClick={() => list.remove(i)} aria-label={`删除第${i + 1}张照片`}>
              <CloseOutline aria-hidden />
            </button>
          </div>
        ))}
        {!full && (
          <label className="xz-camera xz-shot-add" htmlFor={id}>
            <CameraOutline aria-hidden />
            <span>{list.shrinking ? '正在处理…' : list.shots.length ? '再拍一张' : '拍照或选照片'}</span>
          </label>
        )}
      </div>
      <input
        id={id}
        className="xz-visually-hidden"
        type="file"
        accept="image/*"
        multiple
        aria-labelledby={`${id}-l`}
        disabled={full}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) void list.add(files).then((msg) => onError(msg ?? ''));
        }}
      />
    </div>
  );
}
