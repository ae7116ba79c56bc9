//! Linux user mode (placeholder).
