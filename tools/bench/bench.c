/* The benchmark's C side: the operations of tests/addins/bench-display written the way
 * libfxcg add-ins write them (plain loops over VRAM), plus a tuned variant of the fills
 * (32-bit stores). Compiled with sh-elf-gcc -O2; see run.sh.
 *
 * Each operation sits between two calls of RTC_GetTicks, the marker the bench runner
 * (tests/emu_sdk_bench.rs) counts instructions between. */
#include "font8x13.h" /* generated: FONT8X13[95 * 13], glyph-major, MSB = left pixel */
/* generated from tests/addins/bench-display/src/sprite32.png by the SDK's include_image!:
 * SPRITE_KEY[32 * 32] (RGB565, SPRITE_KEY_COLOR where transparent), SPRITE_ROWS[33] and
 * SPRITE_SPANS[] (the SDK's spans: row r's [start, end) pairs are rows[r]..rows[r + 1]),
 * SPRITE_AT[5][2] (the positions, as in the Rust add-in) */
#include "sprite32.h"

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

/* Sprites, the way C add-ins draw them: an RGB565 picture with a key colour for
 * transparent pixels (gint's RGB565A images, libfxcg's examples). Plain: every pixel
 * tested against the key and the screen. The sprite functions are not inlined into
 * bench_main (the Rust side calls Frame::draw_sprite too), which also keeps the code
 * GCC makes for the other operations as it was before they were added. */
__attribute__((noinline)) static void sprite_plain(u16 *v, int x, int y, const u16 *s, int w, int h)
{
    for (int j = 0; j < h; j++)
        for (int i = 0; i < w; i++) {
            int px = x + i, py = y + j;
            u16 c = s[j * w + i];
            if (c != SPRITE_KEY_COLOR && px >= 0 && px < W && py >= 0 && py < H)
                v[py * W + px] = c;
        }
}

/* Tuned: the rectangle clipped once, then pointer loops over the visible part, two
 * pixels per turn, one key test per pixel. */
__attribute__((noinline)) static void sprite_tuned(u16 *v, int x, int y, const u16 *s, int w, int h)
{
    int x0 = x < 0 ? -x : 0, x1 = x + w > W ? W - x : w;
    int y0 = y < 0 ? -y : 0, y1 = y + h > H ? H - y : h;
    if (x0 >= x1 || y0 >= y1)
        return;
    int n = x1 - x0;
    const u16 *src = s + y0 * w + x0;
    u16 *dst = v + (y + y0) * W + x + x0;
    for (int j = y0; j < y1; j++, src += w, dst += W) {
        const u16 *p = src;
        u16 *d = dst;
        int k = n;
        for (; k >= 2; k -= 2, p += 2, d += 2) {
            u16 a = p[0], b = p[1];
            if (a != SPRITE_KEY_COLOR)
                d[0] = a;
            if (b != SPRITE_KEY_COLOR)
                d[1] = b;
        }
        if (k && *p != SPRITE_KEY_COLOR)
            *d = *p;
    }
}

/* The SDK's representation in C: the same spans, each clipped, copied by a 16-bit loop. */
__attribute__((noinline)) static void sprite_spans(u16 *v, int x, int y, const u16 *s, int w, int h)
{
    int x0 = x < 0 ? -x : 0, x1 = x + w > W ? W - x : w;
    int y0 = y < 0 ? -y : 0, y1 = y + h > H ? H - y : h;
    if (x0 >= x1 || y0 >= y1)
        return;
    for (int j = y0; j < y1; j++) {
        const u16 *src = s + j * w;
        u16 *dst = v + (y + j) * W + x;
        for (int k = SPRITE_ROWS[j]; k < SPRITE_ROWS[j + 1]; k++) {
            int a = SPRITE_SPANS[2 * k], b = SPRITE_SPANS[2 * k + 1];
            if (a < x0)
                a = x0;
            if (b > x1)
                b = x1;
            for (int i = a; i < b; i++)
                dst[i] = src[i];
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
    for (int i = 0; i < 5; i++) {
        int x = SPRITE_AT[i][0], y = SPRITE_AT[i][1];
        sprite_plain(v, x, y, SPRITE_KEY, 32, 32);
        RTC_GetTicks();
        sprite_tuned(v, x, y, SPRITE_KEY, 32, 32);
        RTC_GetTicks();
        sprite_spans(v, x, y, SPRITE_KEY, 32, 32);
        RTC_GetTicks();
    }
    return 0;
}
