"""Audio: decoding a recording into memory, playing it on the sound card, slowing it down without pitch change."""
