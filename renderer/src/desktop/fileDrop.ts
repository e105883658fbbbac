// A file dropped on the window opens like File > Open: this takes the window's drag events and
// hands over the first file dropped (the page would otherwise navigate to it).

/** Listens for a file dropped anywhere on the window; returns the cleanup. */
export function listenForDrops(onFile: (file: File) => void): () => void {
  const onDragOver = (e: DragEvent): void => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  };
  const onDrop = (e: DragEvent): void => {
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    onFile(file);
  };
  window.addEventListener('dragover', onDragOver);
  window.addEventListener('drop', onDrop);
  return () => {
    window.removeEventListener('dragover', onDragOver);
    window.removeEventListener('drop', onDrop);
  };
}
