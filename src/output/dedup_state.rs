//! Reading the dedup state of earlier batches from `<output>/_dedup/batch=<id>/`: the
//! entries every new batch is deduplicated against. Writing it is the batch writer's job
//! (staged with the tables, swapped in by the same commit); the dedup stage itself does
//! no I/O. State files of the old binary format (`batch=<id>.bin`) are migrated to the
//! table on first read.

use std::fs::File;
use std::path::{Path, PathBuf};

use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;

use super::legacy_dedup;
use crate::error::{Error, Result};
use crate::model::{DedupEntry, SignatureParams};
use crate::tables::dedup_state::{self, DIR};

/// Name of the state partition of `batch` under `<output>/_dedup/`.
pub fn partition_name(batch: &str) -> String {
    format!("batch={batch}")
}

/// The entries of every committed batch under `output` except `batch` itself (so a
/// re-run forgets its own earlier contribution), batches in name order, each in the
/// order it was written (doc_id). Signatures made with other parameters than `params`
/// are dropped (those documents are exact-matched only), with a warning.
pub fn load_prior(output: &Path, batch: &str, params: SignatureParams) -> Result<Vec<DedupEntry>> {
    let dir = output.join(DIR);
    let listing = match std::fs::read_dir(&dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(Error::Output { path: dir, source }),
    };
    let mut names: Vec<String> = listing
        .map(|e| e.map(|e| e.file_name().to_string_lossy().to_string()))
        .collect::<std::io::Result<_>>()
        .map_err(Error::io(&dir))?;
    names.sort();
    for name in names.iter().filter(|n| n.ends_with(".bin")) {
        migrate_legacy(&dir, name)?;
    }
    let own = partition_name(batch);
    let mut partitions: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(Error::io(&dir))?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()
        .map_err(Error::io(&dir))?;
    partitions.retain(|p| {
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        p.is_dir() && name.starts_with("batch=") && name != own.as_str()
    });
    // In the order the `.bin` files of the old format were read (`batch=<id>.bin` sorted by
    // name), so batch ids that are prefixes of each other keep their old order.
    partitions.sort_by_key(|p| format!("{}.bin", p.display()));
    let mut out = Vec::new();
    for partition in partitions {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&partition)
            .map_err(Error::io(&partition))?
            .map(|e| e.map(|e| e.path()))
            .collect::<std::io::Result<_>>()
            .map_err(Error::io(&partition))?;
        files.retain(|f| f.extension().is_some_and(|x| x == "parquet"));
        files.sort();
        for file in files {
            out.extend(read_file(&file, params)?);
        }
    }
    Ok(out)
}

fn read_file(path: &Path, params: SignatureParams) -> Result<Vec<DedupEntry>> {
    let source = path.display().to_string();
    let bad = |message: String| Error::Data {
        path: source.clone(),
        message,
    };
    let file = File::open(path).map_err(Error::io(path))?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| bad(e.to_string()))?;
    let metadata = builder.schema().metadata();
    match metadata.get(dedup_state::VERSION_KEY).map(String::as_str) {
        Some(dedup_state::STATE_VERSION) => {}
        other => {
            return Err(bad(format!(
                "dedup state version {other:?}: this build reads {:?}",
                dedup_state::STATE_VERSION
            )))
        }
    }
    let keep = match dedup_state::params_of(metadata) {
        Some(made_with) if made_with == params => true,
        Some(_) => {
            tracing::warn!(path = %path.display(), "dedup state made with other shingle/hash settings: exact matching only");
            false
        }
        None => return Err(bad("dedup state without its signature parameters".into())),
    };
    let mut out = Vec::new();
    for batch in builder.build().map_err(|e| bad(e.to_string()))? {
        let batch = batch.map_err(|e| bad(e.to_string()))?;
        out.extend(dedup_state::entries(&batch, keep, &source)?);
    }
    Ok(out)
}

/// Turns `_dedup/batch=<id>.bin` into the partition `_dedup/batch=<id>/`, written under a
/// temporary name and renamed into place, then removes the old file. A `.bin` whose batch
/// already has a partition (committed since) is only removed. The migration is one-way:
/// a gazette from before the `_dedup` table ignores the partitions.
fn migrate_legacy(dir: &Path, name: &str) -> Result<()> {
    let bin = dir.join(name);
    let Some(batch) = name
        .strip_prefix("batch=")
        .and_then(|n| n.strip_suffix(".bin"))
    else {
        return Ok(());
    };
    let target = dir.join(partition_name(batch));
    if !target.exists() {
        let bytes = std::fs::read(&bin).map_err(Error::io(&bin))?;
        let (params, entries) = legacy_dedup::decode(&bytes, &bin)?;
        let tmp = dir.join(format!(".migrate-{batch}.{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(&tmp).map_err(Error::io(&tmp))?;
        let part = tmp.join("part-00000.parquet");
        let rows = dedup_state::build(&entries, params)?;
        let file = File::create(&part).map_err(Error::io(&part))?;
        let table_err = |e: parquet::errors::ParquetError| Error::Table {
            table: DIR,
            message: e.to_string(),
        };
        let props = parquet::file::properties::WriterProperties::builder()
            .set_compression(parquet::basic::Compression::ZSTD(Default::default()))
            .set_created_by(format!("gazette {}", env!("CARGO_PKG_VERSION")))
            .build();
        let mut writer =
            ArrowWriter::try_new(file, rows.schema(), Some(props)).map_err(table_err)?;
        writer.write(&rows).map_err(table_err)?;
        writer.close().map_err(table_err)?;
        std::fs::rename(&tmp, &target).map_err(Error::io(&target))?;
        tracing::info!(path = %bin.display(), documents = entries.len(), "dedup state migrated to the _dedup table");
    }
    std::fs::remove_file(&bin).map_err(Error::io(&bin))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Fingerprint;

    fn entry(id: &str, sig: Vec<u32>) -> DedupEntry {
        DedupEntry {
            doc_id: id.into(),
            fingerprint: Fingerprint {
                content_hash: [1; 16],
                signature: sig,
            },
            published: None,
            agency: false,
            has_url: true,
            chars: 100,
        }
    }

    #[test]
    fn old_binary_state_is_migrated_once_and_the_own_batch_is_left_out() {
        let out = tempfile::tempdir().unwrap();
        let dir = out.path().join(DIR);
        std::fs::create_dir_all(&dir).unwrap();
        let params = SignatureParams {
            shingle_size: 5,
            num_hashes: 2,
        };
        let a = entry("a1", vec![1, 2]);
        let b = entry("b1", vec![3, 4]);
        let v1 = |e: &DedupEntry| legacy_dedup::tests::v1_bytes(std::slice::from_ref(e), params);
        std::fs::write(dir.join("batch=a.bin"), v1(&a)).unwrap();
        std::fs::write(dir.join("batch=b.bin"), v1(&b)).unwrap();

        assert_eq!(
            load_prior(out.path(), "b", params).unwrap(),
            vec![a.clone()]
        );
        assert!(!dir.join("batch=a.bin").exists() && dir.join("batch=a").is_dir());
        assert!(!dir.join("batch=b.bin").exists() && dir.join("batch=b").is_dir());
        assert_eq!(
            load_prior(out.path(), "c", params).unwrap(),
            vec![a.clone(), b.clone()]
        );
        // Other signature parameters: the same documents, exact-matched only.
        let other = SignatureParams {
            shingle_size: 4,
            num_hashes: 2,
        };
        let exact = load_prior(out.path(), "c", other).unwrap();
        assert!(exact.iter().all(|e| e.fingerprint.signature.is_empty()));
        assert_eq!(exact.len(), 2);
    }
}
