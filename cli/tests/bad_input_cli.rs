//! The CLI refuses files it cannot read as text with exit status 2 and a
//! message (core only takes `&str`; the byte level is checked here).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code may panic on broken fixtures"
)]

use std::path::PathBuf;
use std::process::Command;

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aimskit-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_aimskit"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn invalid_utf8_is_refused_with_exit_2_and_a_message() {
    let mut bytes = b"format = \"aimskit-system/1\"\nname = \"caf".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe, 0xc3]);
    bytes.extend_from_slice(b"\"\n");
    let sys = tmp("latin1.toml", &bytes);
    let (code, err) = run(&["triage", sys.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("latin1.toml"), "names the file: {err}");
    assert!(err.to_lowercase().contains("utf-8"), "says why: {err}");

    let aims = tmp("aims.toml", &[0xc3, 0x28, b'\n']);
    let (code, err) = run(&["gap", aims.to_str().unwrap(), "--as-of", "2026-11-29"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.to_lowercase().contains("utf-8"), "says why: {err}");
}

#[test]
fn oversized_and_deeply_nested_files_are_refused_with_exit_2() {
    let mut big = b"format = \"aimskit-system/1\"\nname = \"X\"\n".to_vec();
    big.extend(std::iter::repeat_n(b'#', 1 << 20));
    let path = tmp("big.toml", &big);
    let (code, err) = run(&["triage", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("1 MiB") || err.contains("1048576"), "{err}");

    let deep = format!(
        "{{\"format\":\"aimskit-system/1\",\"name\":\"X\",\"x\":{}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let path = tmp("deep.json", deep.as_bytes());
    let (code, err) = run(&["triage", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("nested"), "{err}");
}
