// One photo from the camera, shrunk on the phone before upload (随手拍, 走访).
import { useEffect, useState } from 'react';
import { CameraOutline, CloseOutline } from 'antd-mobile-icons';
import { api } from '../shared/api-client';
import { compressPhoto } from './image';

export interface PhotoPick {
  photo: File | null;
  preview: string | null;
  shrinking: boolean;
  /** Shrinks the chosen file; returns an error message for a file that is not a picture. */
  pick: (file: File | undefined) => Promise<string | null>;
  clear: () => void;
}

export function usePhotoPick(): PhotoPick {
  const [photo, setPhoto] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [shrinking, setShrinking] = useState(false);
  useEffect(
    () => () => {
      if (preview) URL.revokeObjectURL(preview);
    },
    [preview],
  );
  const pick = async (file: File | undefined) => {
    if (!file) return null;
    if (!file.type.startsWith('image/')) return '请选择一张照片';
    setShrinking(true);
    const small = await compressPhoto(file);
    setShrinking(false);
    setPhoto(small);
    setPreview(URL.createObjectURL(small));
    return null;
  };
  const clear = () => {
    setPhoto(null);
    setPreview(null);
  };
  return { photo, preview, shrinking, pick, clear };
}

/** Uploads the picked photo to an attachments endpoint (multipart field 'file'). */
export async function uploadPhoto(path: string, photo: File) {
  const form = new FormData();
  form.append('file', photo, photo.name);
  await api.upload(path, form);
}

/** The camera tile, or the preview with a delete button; `onError` gets '' once a picture is taken. */
export function PhotoField({ id, label, state, onError }: { id: string; label: string; state: PhotoPick; onError: (msg: string) => void }) {
  return (
    <div className="xz-field">
      <span className="xz-label" id={`${id}-l`}>
        {label}
      </span>
      {state.preview ? (
        <div className="xz-preview">
          <img src={state.preview} alt="现场照片预览" />
          <button type="button" className="xz-preview-x" onClick={state.clear} aria-label="删除照片">
            <CloseOutline aria-hidden />
          </button>
        </div>
      ) : (
        <label className="xz-camera" htmlFor={id}>
          <CameraOutline aria-hidden />
          <span>{state.shrinking ? '正在处理照片…' : '拍照或选照片'}</span>
        </label>
      )}
      <input
        id={id}
        className="xz-visually-hidden"
        type="file"
        accept="image/*"
        capture="environment"
        aria-labelledby={`${id}-l`}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void state.pick(f).then((msg) => onError(msg ?? ''));
        }}
      />
    </div>
  );
}
