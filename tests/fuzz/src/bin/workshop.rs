fn main() {
    techhire_fuzz::prepare();
    afl::fuzz!(|data: &[u8]| techhire_fuzz::workshop(data));
}
