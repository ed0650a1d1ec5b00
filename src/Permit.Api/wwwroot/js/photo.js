// The holder's photo at the desk: the desk camera (getUserMedia) or an uploaded JPEG/PNG goes to the API as it is; the
// API crops and scales it to the permit photo (358×441 JPEG) or refuses it in plain words, and nothing is kept then.
// The stored photo and the ID card's are shown side by side through two-minute photo links.
import { api, once, say, sayError, t } from './permit.js';

const section = document.getElementById('photos');
const resident = section?.dataset.resident;
const result = document.getElementById('photo-result');
const video = document.getElementById('camera');
const take = document.getElementById('photo-take');

function showPhoto(kind, photo) {
  const img = document.getElementById(`${kind}-photo`);
  const none = document.getElementById(`${kind}-photo-none`);
  img.hidden = !photo?.link;
  none.hidden = Boolean(photo?.link);
  if (photo?.link) img.src = photo.link;
  const meta = document.getElementById(`${kind}-photo-meta`);
  if (meta) {
    meta.textContent = photo ? t('Js.PhotoTakenBy', {
      takenBy: photo.takenBy.replace(/^\S+\s/, ''), version: photo.version,
      takenAt: new Date(photo.takenAt).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' }),
    }) : '';
  }
}

async function load() {
  try {
    const photos = await api('GET', `/api/residents/${resident}/photos`);
    showPhoto('desk', photos.desk);
    showPhoto('idcard', photos.idCard);
  } catch (error) {
    sayError(result, error);
  }
}

async function send(blob) {
  say(result, t('Js.PhotoSaving'));
  try {
    const saved = await api('POST', `/api/residents/${resident}/photos`, blob, { contentType: blob.type || 'application/octet-stream' });
    say(result, t('Js.PhotoSaved', { version: saved.version }));
    showPhoto('desk', saved);
    section.dispatchEvent(new CustomEvent('photo-saved', { detail: saved }));
  } catch (error) {
    sayError(result, error);
  }
}

document.getElementById('camera-start')?.addEventListener('click', async () => {
  try {
    // The desk camera's own resolution: the server crops the middle, so more pixels only help.
    video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 960 } }, audio: false });
    video.hidden = false;
    await video.play();
    take.disabled = false;
  } catch {
    say(result, t('Js.CameraUnavailable'), { error: true });
  }
});

take?.addEventListener('click', () => once(take, async () => {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d').drawImage(video, 0, 0);
  const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', 0.92));
  await send(blob);
}));

const upload = document.getElementById('photo-upload');
upload?.addEventListener('change', () => once(upload, async () => {
  const file = upload.files?.[0];
  if (file) await send(file);
  upload.value = '';
}));

if (resident) load();
