Route #1: 39 10 18
Route #2: 89 98 99 62 71
Route #3: 69 16 55 76
Route #4: 83 51 81
Route #5: 23 61 100
Route #6: 3 77 63
Route #7: 4 13 74
Route #8: 30 85 11 79
Route #9: 87 37 6 49 14
Route #10: 40 88 67 44
Route #11: 7 2 45 43 29 36 72 57
Route #12: 38 47 26 48 96 64 34
Route #13: 86 9 92
Route #14: 50 91 52
Route #15: 25 65 78 42 28
Route #16: 20 41 22 15
Route #17: 21 56 94 80
Route #18: 19 97 27
Route #19: 82 60 59
Route #20: 17 8
Route #21: 93 75
Route #22: 32 33 53 73 95 24
Route #23: 5 12 58
Route #24: 54 70 1
Route #25: 35 46 31
Route #26: 68 90 84 66
Cost 27591
