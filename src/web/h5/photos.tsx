// Several photos from the camera (up to nine), each shrunk on the phone as it is picked: the 办结 form, 随手拍.
import { useEffect, useRef, useState } from 'react';
import { CameraOutline, CloseOutline } from 'antd-mobile-icons';
import { compressPhoto } from './image';

export interface Picked {
  /** Stable while the form is open: the name the photo is uploaded under. */ name: string;
  file: File;
  preview: string;
}

export interface PhotosPick {
  photos: Picked[];
  shrinking: boolean;
  max: number;
  /** Shrinks and adds the chosen files (beyond `max` are left out); an error message for files that are not pictures. */
  add: (files: File[]) => Promise<string | null>;
  remove: (name: string) => void;
}

/** `prefix` names the photos (办结照片-3F9A0C-1.jpg …): a retried upload recognises the ones already sent. */
export function usePhotosPick(prefix: string, max = 9): PhotosPick {
  const [photos, setPhotos] = useState<Picked[]>([]);
  const [shrinking, setShrinking] = useState(false);
  const seq = useRef(0);
  const live = useRef<Picked[]>([]);
  live.current = photos;
  useEffect(
    () => () => {
      for (const p of live.current) URL.revokeObjectURL(p.preview);
    },
    [],
  );
  const add = async (files: File[]) => {
    const images = files.filter((f) => f.type.startsWith('image/'));
    const room = max - live.current.length;
    if (!images.length) return files.length ? '请选择照片' : null;
    setShrinking(true);
    const added: Picked[] = [];
    for (const f of images.slice(0, room)) {
      const small = await compressPhoto(f);
      seq.current += 1;
      const name = `${prefix}-${seq.current}.jpg`;
      added.push({ name, file: new File([small], name, { type: small.type || 'image/jpeg' }), preview: URL.createObjectURL(small) });
    }
    setShrinking(false);
    setPhotos((cur) => [...cur, ...added]);
    if (images.length > room) return `最多${max}张照片，多出的没有加上`;
    return images.length < files.length ? '只加上了照片，其他文件不能上传' : null;
  };
  const remove = (name: string) =>
    setPhotos((cur) => {
      const gone = cur.find((p) => p.name === name);
      if (gone) URL.revokeObjectURL(gone.preview);
      return cur.filter((p) => p.name !== name);
    });
  return { photos, shrinking, max, add, remove };
}

/** The picked photos as small tiles with a delete button each, and the camera tile while there is room. */
export function PhotosField({
  id,
  label,
  hint,
  state,
  onError,
}: {
  id: string;
  label: string;
  hint?: string;
  state: PhotosPick;
  onError: (msg: string) => void;
}) {
  const full = state.photos.length >= state.max;
  return (
    <div className="xz-field">
      <span className="xz-label" id={`${id}-l`}>
        {label}
        <span className="xz-muted xz-photo-count">
          {' '}
          {state.photos.length}/{state.max}
        </span>
      </span>
      {hint && <p className="xz-field-hint">{hint}</p>}
      <div className="xz-photo-grid">
        {state.photos.map((p, i) => (
          <div key={p.name} className="xz-preview xz-preview-tile">
            <img src={p.preview} alt={`第${i + 1}张照片`} />
            <button type="button" className="xz-preview-x" onClick={() => state.remove(p.name)} aria-label={`删除第${i + 1}张照片`}>
              <CloseOutline aria-hidden />
            </button>
          </div>
        ))}
        {!full && (
          <label className="xz-camera xz-camera-tile" htmlFor={id}>
            <CameraOutline aria-hidden />
            <span>{state.shrinking ? '正在处理…' : state.photos.length ? '再拍一张' : '拍照或选照片'}</span>
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
          if (files.length) void state.add(files).then((msg) => onError(msg ?? ''));
        }}
      />
    </div>
  );
}
