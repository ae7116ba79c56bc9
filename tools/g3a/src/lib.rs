//! Read, write and check Casio Prizm `.g3a` add-in files.
