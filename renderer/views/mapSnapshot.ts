/** The map view registers how to photograph itself; the report dialog asks for the picture. */
let take: (() => Promise<string | null>) | null = null;

export function registerMapSnapshot(fn: () => Promise<string | null>): () => void {
  take = fn;
  return () => {
    if (take === fn) take = null;
  };
}

/** The map as shown, as a PNG data URL; null when no map is on screen. */
export function snapshotMap(): Promise<string | null> {
  return take ? take() : Promise.resolve(null);
}

/** The widest a report's map may be tall, as a share of its width: a tall pane would push the events table off the first page. */
const REPORT_ASPECT = 0.6;

/**
 * The map canvas as a PNG data URL for a report, cut to at most REPORT_ASPECT (keeping the
 * middle of the view) whatever the pane's shape. Called in the frame the map was drawn.
 */
export function reportPicture(canvas: HTMLCanvasElement): string {
  const height = Math.min(canvas.height, Math.round(canvas.width * REPORT_ASPECT));
  if (height === canvas.height) return canvas.toDataURL('image/png');
  const cut = document.createElement('canvas');
  cut.width = canvas.width;
  cut.height = height;
  cut.getContext('2d')!.drawImage(canvas, 0, Math.floor((canvas.height - height) / 2), canvas.width, height, 0, 0, canvas.width, height);
  return cut.toDataURL('image/png');
}
