//! Scratch storage for parsed documents between the two passes, so that memory holds one
//! chunk of documents at a time whatever the size of the batch. Documents are appended
//! as JSON lines and read back by offset, in any order, from any thread.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::Document;

/// Where one document sits in the spill file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpillSlot {
    offset: u64,
    len: u32,
}

/// Append-only writer of the spill file.
pub struct SpillWriter {
    path: PathBuf,
    out: BufWriter<File>,
    offset: u64,
}

fn err(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Scratch {
        path: path.to_path_buf(),
        source,
    }
}

impl SpillWriter {
    /// Creates (truncates) the spill file.
    pub fn create(path: &Path) -> Result<Self> {
        let file = File::create(path).map_err(err(path))?;
        Ok(SpillWriter {
            path: path.to_path_buf(),
            out: BufWriter::with_capacity(1 << 20, file),
            offset: 0,
        })
    }

    /// Appends a document and returns where it is.
    pub fn append(&mut self, doc: &Document) -> Result<SpillSlot> {
        let bytes = serde_json::to_vec(doc).expect("documents serialise");
        self.out.write_all(&bytes).map_err(err(&self.path))?;
        let slot = SpillSlot {
            offset: self.offset,
            len: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
        };
        self.offset += bytes.len() as u64;
        Ok(slot)
    }

    /// Flushes and reopens the file for reading.
    pub fn finish(mut self) -> Result<SpillReader> {
        self.out.flush().map_err(err(&self.path))?;
        let file = File::open(&self.path).map_err(err(&self.path))?;
        Ok(SpillReader {
            path: self.path,
            file,
        })
    }
}

/// Random-access reader of the spill file; `Sync`, so chunks are read in parallel.
pub struct SpillReader {
    path: PathBuf,
    file: File,
}

impl SpillReader {
    /// Reads back the document stored at `slot`.
    pub fn read(&self, slot: SpillSlot) -> Result<Document> {
        let mut buf = vec![0u8; slot.len as usize];
        self.file
            .read_exact_at(&mut buf, slot.offset)
            .map_err(err(&self.path))?;
        serde_json::from_slice(&buf).map_err(|e| Error::Scratch {
            path: self.path.clone(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        })
    }

    /// Deletes the spill file.
    pub fn remove(self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_round_trip_in_any_order() {
        let path = std::env::temp_dir().join(format!("gazette-spill-{}", std::process::id()));
        let mut w = SpillWriter::create(&path).unwrap();
        let docs: Vec<Document> = (0..3)
            .map(|i| Document {
                doc_id: format!("d{i}"),
                body: format!("corps « {i} »\nété"),
                ..Default::default()
            })
            .collect();
        let slots: Vec<_> = docs.iter().map(|d| w.append(d).unwrap()).collect();
        let r = w.finish().unwrap();
        assert_eq!(r.read(slots[2]).unwrap(), docs[2]);
        assert_eq!(r.read(slots[0]).unwrap(), docs[0]);
        r.remove();
        assert!(!path.exists());
    }
}
