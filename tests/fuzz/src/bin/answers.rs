fn main() {
    afl::fuzz!(|data: &[u8]| techhire_fuzz::answers(data));
}
