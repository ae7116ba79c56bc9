/* The benchmark's C side: the operations of tests/addins/bench-display written the way
 * libfxcg add-ins write them (plain loops over VRAM), plus a tuned variant of the fills
 * (32-bit stores). Compiled with sh-elf-gcc -O2; see run.sh.
 *
 * Each operation sits between two calls of RTC_GetTicks, the marker the bench runner
 * (tests/emu_sdk_bench.rs) counts instructions between. */
#include "font8x13.h" /* generated: FONT8X13[95 * 13], glyph-major, MSB = left pixel */

typedef unsigned short u16;
typedef unsigned int u32;

int RTC_GetTicks(void);
void *GetVRAMAddress(void);
int GetKey(int *key);

#define W 384
#define H 216

static void clear_plain(u16 *v, u16 c)
{
    for (int i = 0; i < W * H; i++)
        v[i] = c;
}

static void clear_tuned(u16 *v, u16 c)
{
    u32 pair = (u32)c << 16 | c;
    u32 *p = (u32 *)v;
    for (int i = 0; i < W * H / 2; i++)
        p[i] = pair;
}

static void fill_plain(u16 *v, int x, int y, int w, int h, u16 c)
{
    for (int j = y; j < y + h; j++)
        for (int i = x; i < x + w; i++)
            v[j * W + i] = c;
}

static void fill_tuned(u16 *v, int x, int y, int w, int h, u16 c)
{
    u32 pair = (u32)c << 16 | c;
    for (int j = y; j < y + h; j++) {
        u16 *p = v + j * W + x;
        u16 *end = p + w;
        if ((u32)p & 2)
            *p++ = c;
        while (p + 2 <= end) {
            *(u32 *)p = pair;
            p += 2;
        }
        if (p < end)
            *p = c;
    }
}

static void text_plain(u16 *v, int x, int y, const char *s, u16 fg, u16 bg)
{
    for (; *s; s++, x += 8) {
        const unsigned char *g = FONT8X13 + (*s - 32) * 13;
        u16 *row = v + y * W + x;
        for (int r = 0; r < 13; r++, row += W) {
            unsigned b = g[r];
            for (int c = 0; c < 8; c++)
                row[c] = (b & (0x80 >> c)) ? fg : bg;
        }
    }
}

int bench_main(void)
{
    u16 *v = GetVRAMAddress();
    RTC_GetTicks(); /* empty segment: the marker's own cost */
    RTC_GetTicks();
    clear_plain(v, 0x2945);
    RTC_GetTicks();
    clear_tuned(v, 0x2945);
    RTC_GetTicks();
    fill_plain(v, 31, 41, 200, 100, 0xF800);
    RTC_GetTicks();
    fill_tuned(v, 31, 41, 200, 100, 0xF800);
    RTC_GetTicks();
    text_plain(v, 8, 150, "The quick brown fox jumps 0123456789", 0xFFFF, 0x0010);
    RTC_GetTicks();
    return 0;
}
